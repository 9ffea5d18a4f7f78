import { mount } from 'svelte';
import App from './ui/App.svelte';
import { installScriptingApi } from './state/api';
// Adds probeWebGpu to window.cwmPlayground on every page (small: the probe, not WebLLM itself).
import './state/llm/scripting';

installScriptingApi();
mount(App, { target: document.getElementById('app')! });
