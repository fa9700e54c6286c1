// The pictures' lettering, shared by the office and the repairs depot.
export const FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';
