// Apart from the renderer so the CLI can offer the choices without loading exceljs.
export const REGISTER_FORMATS = ['yaml', 'csv', 'xlsx'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];
