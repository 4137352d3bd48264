/** `{placeholder}` filling that fails loudly: an unfilled placeholder is a generator bug, never output. */

export type TemplateVars = Readonly<Record<string, string | number>>;

export function fillTemplate(template: string, vars: TemplateVars): string {
  const out = template.replace(/\{([a-zA-Z0-9_]+)\}/g, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`template placeholder {${name}} has no value: "${template}"`);
    return String(value);
  });
  if (/[{}]/.test(out)) throw new Error(`template left a brace behind: "${out}"`);
  return out;
}

/** Upper-cases the first character (sentences may start with a placeholder). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
