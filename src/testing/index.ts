export { AppTest, WidgetHandle } from "./app-test.ts";
export type { AppTestContext, TestElement, WidgetQuery } from "./app-test.ts";
