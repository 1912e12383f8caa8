/** The one region object that keeps the tree (regions, parents, which hall is where), by name. */
export const REGION_TREE = "~tree";
