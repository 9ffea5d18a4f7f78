import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/** Serves the built app (run `vite build` first; `npm run test:e2e` does) for every browser test. */
export default async function setup(project: TestProject) {
  const { server, url } = await serveStatic(resolve(import.meta.dirname, '../../dist'));
  project.provide('appUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
