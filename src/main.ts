import { mount } from 'svelte';
import App from './ui/App.svelte';
import { installScriptingApi } from './state/api';

installScriptingApi();
mount(App, { target: document.getElementById('app')! });
