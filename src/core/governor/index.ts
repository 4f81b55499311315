export * from "./state.js";
export * from "./budgets.js";
export * from "./decide.js";
export * from "./record.js";
export * from "./plan-wake.js";
export * from "./fair-share.js";
