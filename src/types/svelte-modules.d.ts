// Lets plain `tsc` check the TypeScript core; svelte-check checks the components themselves.
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<any>;
  export default component;
}
