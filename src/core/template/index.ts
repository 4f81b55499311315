export { checkTemplate, type TemplateCheck } from "./check-template.js";
export { renderForProspect, countCharacters, type RenderResult } from "./render-for-prospect.js";
export { BUILT_IN_VARIABLES, KNOWN_VARIABLES_TEXT, type TemplateVars, type VariableName } from "./template-vars.js";
