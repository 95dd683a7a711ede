/**
 * What a change set did, as the audit log keeps it (keyedMessage.ts): undo and redo name it in the language in use.
 * `{type}` is a relation type's own message (network.edge.*).
 */
export const changesEn = {
  'change.create': 'Create {name}',
  'change.edit': 'Edit {name}',
  'change.delete': 'Delete {name}',
  'change.relate': 'Add “{from} {type} {to}”',
  'change.unrelate': 'Remove “{from} {type} {to}”',
  'change.markVerified': 'Mark {name} verified',
  'change.markVerifiedMany': 'Mark {count} records verified',
  'change.import': 'Import {files}: {added} added, {changed} changed',
  'change.loadKnowledgeBase': 'Load the knowledge base',
  'change.loadKnowledgeBaseAndSample': 'Load the knowledge base and the sample network',
  'change.generate': 'Generate a synthetic network of {actors} actors (seed {seed})',
} as const;

export const changesEs: Record<keyof typeof changesEn, string> = {
  'change.create': 'Crear {name}',
  'change.edit': 'Editar {name}',
  'change.delete': 'Eliminar {name}',
  'change.relate': 'Añadir «{from} {type} {to}»',
  'change.unrelate': 'Quitar «{from} {type} {to}»',
  'change.markVerified': 'Marcar {name} como verificado',
  'change.markVerifiedMany': 'Marcar {count} registros como verificados',
  'change.import': 'Importar {files}: {added} añadidos, {changed} modificados',
  'change.loadKnowledgeBase': 'Cargar la base de conocimiento',
  'change.loadKnowledgeBaseAndSample': 'Cargar la base de conocimiento y la red de ejemplo',
  'change.generate': 'Generar una red sintética de {actors} actores (semilla {seed})',
};
