/** How long a sandbox iframe may take to start before we give up on it. */
const START_LIMIT_MS = 15_000;

/** A mounted sandbox iframe: the port its document sent, and how to remove it. */
export interface MountedFrame {
  port: MessagePort;
  /** Removes the iframe; its workers end with it. */
  dispose(): void;
}

/**
 * Mounts an `<iframe sandbox="allow-scripts">` without `allow-same-origin` (an opaque origin:
 * none of the app's storage, cookies or DOM) whose `srcdoc` carries its own CSP. The page accepts
 * exactly one window message, and only when its `event.source` is this iframe and it carries
 * `readyMessage` and a port; everything after goes over that port.
 */
export function mountSandboxFrame(options: { srcdoc: string; title: string; readyMessage: string; startError: () => Error }): Promise<MountedFrame> {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.title = options.title;
  iframe.hidden = true;
  iframe.srcdoc = options.srcdoc;
  return new Promise<MountedFrame>((resolve, reject) => {
    const stop = () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== iframe.contentWindow) return;
      const port = event.ports[0];
      if ((event.data as { type?: unknown } | null)?.type !== options.readyMessage || !port) return;
      stop();
      resolve({ port, dispose: () => iframe.remove() });
    };
    const timer = setTimeout(() => {
      stop();
      iframe.remove();
      reject(options.startError());
    }, START_LIMIT_MS);
    window.addEventListener('message', onMessage);
    document.body.append(iframe);
  });
}
