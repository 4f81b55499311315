export { LinkedInSimulator, type LinkedInSimulatorOptions } from "./linkedin-simulator.js";
export type { SimAccountSpec, SimAccountTruth, SimEvent, SimProspectSpec, SimStats } from "./types.js";
export { acceptanceProbability, isBusinessHours, isNight } from "./acceptance.js";
export * as simRules from "./rules.js";
