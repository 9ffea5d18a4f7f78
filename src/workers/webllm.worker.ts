// WebLLM's engine in its own worker, so that model loading and token generation never block the
// page. WebLLM has its own message protocol; the page talks to it with CreateWebWorkerMLCEngine.
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => handler.onmessage(event);
