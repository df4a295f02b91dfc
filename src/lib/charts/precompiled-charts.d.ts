declare module 'virtual:precompiled-charts' {
  const table: import('$lib/charts/compile-vega').PrecompiledCharts;
  export default table;
}
