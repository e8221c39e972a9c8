export { AppTest, WidgetHandle } from "./app-test.ts";
export type { TestElement, WidgetQuery } from "./app-test.ts";
export type { AppTestContext } from "./test-visit.ts";
