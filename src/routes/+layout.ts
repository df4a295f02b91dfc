// Every page is prerendered to static HTML (adapter-static): no server at run time.
export const prerender = true;
