// A "what if?" that a scenario undoes: --set on the deliverology design of a key the scenario sets
// itself has no effect, since the scenario's design is applied over the level's. Say so.

/** Notes for each --set of regimes.deliverology.design.KEY that the scenario's own design overrides. */
export function overriddenSets(
  sets: readonly { path: string }[],
  scenario: { id: string; design: Readonly<Record<string, unknown>> } | null,
  scenarios: readonly { id: string }[],
): string[] {
  if (!scenario) return [];
  const index = scenarios.findIndex((s) => s.id === scenario.id);
  return sets.flatMap(({ path }) => {
    const m = /^regimes\.deliverology\.design\.([A-Za-z]+)$/.exec(path);
    if (!m || !(m[1]! in scenario.design)) return [];
    return [
      `note: --set ${path} has no effect in scenario "${scenario.id}", whose own design sets ${m[1]}; use --set scenarios.${index}.design.${m[1]}=... instead\n`,
    ];
  });
}
