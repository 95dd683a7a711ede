/**
 * Why a call failed, as the main process says it (a KeyedMessage, keyedMessage.ts): the UI shows it in the language in
 * use, programs and the CLI read the English. `error.issue.*` name what is wrong with one field, shown next to it.
 * `{kind}` and `{next}` are a kind's own message (network.kind.*).
 */
export const errorsEn = {
  'error.noRecord': 'There is no record {id}.',
  'error.noRelation': 'There is no relation {id}.',
  'error.idTaken': 'The id {id} is already taken.',
  'error.idChanged': 'The id must stay {id}; ids never change.',
  'error.kindFixed': '{id} is a record of the kind “{kind}”; its kind cannot change to “{next}”.',
  'error.relationEndMissing': 'The relation was refused: there is no record {id}.',
  'error.noPage': 'This graph has {pages} page(s); there is no page {page}.',
  'error.noSavedView': 'There is no saved view “{name}”.',
  'error.noOrganisation': 'There is no organisation {id} to start from.',
  'error.noSavedPlan': 'There is no saved plan {id} (it may have expired).',
  'error.noPlanStep': 'The plan {id} has {count} steps (0 to {last}); there is no step {step}.',
  'error.nothingVerified': 'Nothing was marked verified: there is no record {ids}.',
  'error.noStatute': 'There is no statute {id}.',
  'error.fileTooLarge': '{file}: the file is {size} MB; imports are limited to {limit} MB.',
  'error.fileUtf16': '{file}: the file is UTF-16; save it as UTF-8 (in a spreadsheet: “CSV UTF-8”).',
  'error.fileNotUtf8':
    '{file}: the file is not UTF-8 (invalid byte 0x{byte} at byte {offset}); save it as UTF-8 (in a spreadsheet: “CSV UTF-8”).',
  'error.noSuchFile': '{path}: no such file.',
  'error.noSuchFileOrFolder': '{path}: no such file or folder.',
  'error.isFolder': '{path}: is a folder; give a file.',
  'error.folderHoldsNone': '{path}: the folder holds no {type} file.',
  'error.importRefused': 'Import refused, nothing was written: {count} problem(s). First: {first}',
  'error.backupFailed': 'Could not write the backup {file}: {detail}',
  'error.noDatabase': 'No database at {path}.',
  'error.noBackup': 'No backup at {file}.',
  'error.backupNewer': 'The backup {file} is from a newer version of Referral Atlas (schema {version}).',
  'error.notAnAtlas': '{file} is not a Referral Atlas database.',
  'error.notSqlite': '{file} is not a readable SQLite database: {detail}',
  'error.databaseCannotOpen': 'Cannot open the database at {path}: {detail}',
  'error.databaseNewer':
    'The database at {path} was written by a newer version of Referral Atlas (schema {current}; this version understands up to {target}). Update the app to open it; it has not been changed.',
  'error.databaseNeedsUpgrade': 'The database at {path} needs an upgrade and was opened read-only.',
  'error.databaseDamaged':
    'The database at {path} is damaged ({detail}). It has not been changed. Restore the last good backup (the "restore" command, or Restore in the app) to go on.',
  'error.internal': '{method} failed unexpectedly; nothing was changed.',
  'error.diskFull': 'The disk is full. Nothing was changed and nothing was lost. Free some space, then try again.',
  'error.readOnly':
    'The database cannot be written: the file, its folder or the disk is read-only. Nothing was changed and nothing was lost. Check the permissions of the database folder (or move it to a writable disk), then try again.',
  'error.diskFailed':
    'The disk reported an error. Nothing was changed and nothing was lost. Check the disk, then try again.',
  'error.busy':
    'The database is busy (is Referral Atlas open twice?). Nothing was changed and nothing was lost. Try again in a moment.',
  'error.damaged':
    'The database file is damaged. Nothing was changed and nothing was lost. Restart Referral Atlas to restore the last good backup.',
  'error.issue.mustBe': 'must be {value}',
  'error.issue.noRecord': 'there is no record {id}',
  'error.issue.noOrganisation': 'there is no organisation {id}',
  'error.issue.lessThan': 'must be less than {limit}',
  'error.issue.between': 'must be between {min} and {max}',
  'error.issue.notStatute': 'is not a statute',
  'error.issue.largerThan': 'larger than {limit} MB',
  'error.issue.utf16': 'encoded as UTF-16, not UTF-8',
  'error.issue.notUtf8': 'not UTF-8 at byte {offset}',
  'error.issue.notFound': 'not found',
  'error.issue.folder': 'a folder',
} as const;

export const errorsEs: Record<keyof typeof errorsEn, string> = {
  'error.noRecord': 'No existe el registro {id}.',
  'error.noRelation': 'No existe la relación {id}.',
  'error.idTaken': 'El identificador {id} ya está en uso.',
  'error.idChanged': 'El identificador debe seguir siendo {id}; los identificadores no cambian.',
  'error.kindFixed': '{id} es un registro del tipo «{kind}»; su tipo no puede cambiar a «{next}».',
  'error.relationEndMissing': 'Se rechazó la relación: no existe el registro {id}.',
  'error.noPage': 'Este grafo tiene {pages} página(s); no hay página {page}.',
  'error.noSavedView': 'No existe la vista guardada «{name}».',
  'error.noOrganisation': 'No existe la organización {id} desde la que empezar.',
  'error.noSavedPlan': 'No existe el plan guardado {id} (puede haber caducado).',
  'error.noPlanStep': 'El plan {id} tiene {count} pasos (del 0 al {last}); no hay paso {step}.',
  'error.nothingVerified': 'No se marcó nada como verificado: no existe el registro {ids}.',
  'error.noStatute': 'No existe la norma {id}.',
  'error.fileTooLarge': '{file}: el archivo ocupa {size} MB; las importaciones admiten como máximo {limit} MB.',
  'error.fileUtf16': '{file}: el archivo está en UTF-16; guárdelo como UTF-8 (en una hoja de cálculo: «CSV UTF-8»).',
  'error.fileNotUtf8':
    '{file}: el archivo no está en UTF-8 (byte no válido 0x{byte} en la posición {offset}); guárdelo como UTF-8 (en una hoja de cálculo: «CSV UTF-8»).',
  'error.noSuchFile': '{path}: el archivo no existe.',
  'error.noSuchFileOrFolder': '{path}: el archivo o la carpeta no existe.',
  'error.isFolder': '{path}: es una carpeta; indique un archivo.',
  'error.folderHoldsNone': '{path}: la carpeta no contiene ningún archivo {type}.',
  'error.importRefused': 'Importación rechazada, no se escribió nada: {count} problema(s). El primero: {first}',
  'error.backupFailed': 'No se pudo escribir la copia de seguridad {file}: {detail}',
  'error.noDatabase': 'No hay ninguna base de datos en {path}.',
  'error.noBackup': 'No hay ninguna copia de seguridad en {file}.',
  'error.backupNewer':
    'La copia de seguridad {file} es de una versión más reciente de Referral Atlas (esquema {version}).',
  'error.notAnAtlas': '{file} no es una base de datos de Referral Atlas.',
  'error.notSqlite': '{file} no es una base de datos SQLite legible: {detail}',
  'error.databaseCannotOpen': 'No se puede abrir la base de datos en {path}: {detail}',
  'error.databaseNewer':
    'La base de datos en {path} la escribió una versión más reciente de Referral Atlas (esquema {current}; esta versión entiende hasta el {target}). Actualice la aplicación para abrirla; no se ha cambiado.',
  'error.databaseNeedsUpgrade': 'La base de datos en {path} necesita actualizarse y se abrió solo para lectura.',
  'error.databaseDamaged':
    'La base de datos en {path} está dañada ({detail}). No se ha cambiado. Restaure la última copia de seguridad buena (la orden «restore» o Restaurar en la aplicación) para continuar.',
  'error.internal': '{method} falló de forma inesperada; no se cambió nada.',
  'error.diskFull': 'El disco está lleno. No se cambió nada y no se perdió nada. Libere espacio y vuelva a intentarlo.',
  'error.readOnly':
    'No se puede escribir en la base de datos: el archivo, su carpeta o el disco son de solo lectura. No se cambió nada y no se perdió nada. Revise los permisos de la carpeta de la base de datos (o muévala a un disco en el que se pueda escribir) y vuelva a intentarlo.',
  'error.diskFailed':
    'El disco informó de un error. No se cambió nada y no se perdió nada. Revise el disco y vuelva a intentarlo.',
  'error.busy':
    'La base de datos está ocupada (¿está Referral Atlas abierto dos veces?). No se cambió nada y no se perdió nada. Vuelva a intentarlo en un momento.',
  'error.damaged':
    'El archivo de la base de datos está dañado. No se cambió nada y no se perdió nada. Reinicie Referral Atlas para restaurar la última copia de seguridad buena.',
  'error.issue.mustBe': 'debe ser {value}',
  'error.issue.noRecord': 'no existe el registro {id}',
  'error.issue.noOrganisation': 'no existe la organización {id}',
  'error.issue.lessThan': 'debe ser menor que {limit}',
  'error.issue.between': 'debe estar entre {min} y {max}',
  'error.issue.notStatute': 'no es una norma',
  'error.issue.largerThan': 'mayor de {limit} MB',
  'error.issue.utf16': 'codificado en UTF-16, no en UTF-8',
  'error.issue.notUtf8': 'no está en UTF-8 en la posición {offset}',
  'error.issue.notFound': 'no se encontró',
  'error.issue.folder': 'es una carpeta',
};
