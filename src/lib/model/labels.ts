import { splitField, type SemanticModel } from './types';

/** The Japanese label of a `table.column` field, falling back to the field itself. */
export function fieldLabel(model: SemanticModel, field: string): string {
  const { table, column } = splitField(field);
  return model.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.label ?? field;
}

export function measureLabel(model: SemanticModel, name: string): string {
  return model.measures.find((m) => m.name === name)?.label ?? name;
}

/** The declared type of a `table.column` field, if the model has it. */
export function fieldType(model: SemanticModel, field: string): string | undefined {
  const { table, column } = splitField(field);
  return model.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.type;
}
