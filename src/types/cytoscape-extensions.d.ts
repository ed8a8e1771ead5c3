declare module 'cytoscape-fcose' {
  const register: import('cytoscape').Ext;
  export default register;
}
declare module 'cytoscape-edgehandles' {
  const register: import('cytoscape').Ext;
  export default register;
}
declare module 'cytoscape-svg' {
  const register: import('cytoscape').Ext;
  export default register;
}
