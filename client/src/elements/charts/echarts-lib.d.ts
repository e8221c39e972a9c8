// The modules under echarts/lib register a series or component with ECharts when they load; they
// export nothing the chart uses.
declare module "echarts/lib/*";
