/**
 * Shared modules ship their es/en texts as flat objects ("money.negative": "…") or as plain reason maps.
 * i18next reads nested objects with "." as separator, so we nest flat keys and deep-merge them into our
 * resources. Pure: tested beside.
 */
export type Tree = { [key: string]: string | Tree };

export function nestFlat(flat: Record<string, string>, prefix = ''): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(flat)) {
    const path = (prefix ? `${prefix}.${key}` : key).split('.');
    let node: Tree = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'string') throw new Error(`i18n key clash at "${part}" in ${key}`);
      node = (node[part] = next ?? {}) as Tree;
    }
    node[path[path.length - 1]!] = value;
  }
  return out;
}

/** Deep merge; a leaf defined twice with different text is a bug worth failing loudly on. */
export function mergeTrees(target: Tree, source: Tree, where = ''): Tree {
  for (const [key, value] of Object.entries(source)) {
    const here = where ? `${where}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = typeof value === 'string' ? value : mergeTrees({}, value, here);
    else if (typeof existing === 'string' || typeof value === 'string') {
      if (existing !== value) throw new Error(`i18n key "${here}" defined twice`);
    } else mergeTrees(existing, value, here);
  }
  return target;
}
