/** An option the list offers: its index among the widget's options, and its label. */
export interface OfferedOption {
  index: number;
  label: string;
}

/**
 * The options whose label holds what the user typed (any case, any place),
 * those that start with it first, leaving out `excluded` (a multiselect's
 * chosen ones).
 *
 * @example optionsMatching(["France", "Finland", "Ireland"], "land", []) // Finland, Ireland
 */
export function optionsMatching(
  options: readonly string[],
  typed: string,
  excluded: readonly number[],
): OfferedOption[] {
  const wanted = typed.trim().toLocaleLowerCase();
  const starts: OfferedOption[] = [];
  const holds: OfferedOption[] = [];
  options.forEach((label, index) => {
    if (excluded.includes(index)) return;
    const at = label.toLocaleLowerCase().indexOf(wanted);
    if (at === 0) starts.push({ index, label });
    else if (at > 0) holds.push({ index, label });
  });
  return [...starts, ...holds];
}
