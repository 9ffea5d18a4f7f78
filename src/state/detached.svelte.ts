import { untrack } from 'svelte';

/**
 * Builds a rune object that outlives the component that first asks for it (a per-environment
 * state kept for the visit). Made inside a component, its `$derived` fields would belong to that
 * component and stop updating once it is destroyed; made under an effect root of its own, they
 * keep updating for as long as the object is used. `make` runs once, untracked.
 */
export function detached<T>(make: () => T): T {
  let made: T | undefined;
  $effect.root(() => {
    made = untrack(make);
  });
  return made as T;
}
