/**
 * What an import found wrong with a file (an ImportIssue's keyedMessage, shared/interchange/importPlan.ts): the import
 * wizard shows it in the language in use, the CLI and the report's one-line texts read the English. `import.where.*`
 * name the place in the file. Column names (Label, Type, From, To) are the spreadsheet's own and stay as they are.
 */
export const importsEn = {
  'import.where.row': 'row {row}',
  'import.where.field': 'field "{field}"',
  'import.malformedCsv': 'malformed CSV: {detail}',
  'import.rowTooFew': 'malformed CSV: the row has {cells} cells, the header {columns} columns (too few)',
  'import.rowTooMany': 'malformed CSV: the row has {cells} cells, the header {columns} columns (too many)',
  'import.noHeader': 'the file has no header row',
  'import.columnUnnamed': 'a column has no name',
  'import.columnTwice': 'the column "{column}" appears twice',
  'import.unknownColumn': 'unknown column "{column}"; the columns are {known}',
  'import.missingColumn': 'the required column "{column}" is missing',
  'import.notElementType': '"{value}" is not a type of element; use "service" or one of {types}',
  'import.notConnectionType': '"{value}" is not a type of connection; use one of {types}',
  'import.sheetCount': 'give one elements sheet (Label, Type, ...) and at most one connections sheet (From, To, Type)',
  'import.workbookSheetCount':
    'give one elements sheet (Label, Type, ...) and at most one connections sheet ({columns}); found {elements} and {connections}: {sheets}',
  'import.noElementsSheet':
    'has no elements sheet: a sheet whose row 1 holds the columns Label and Type. The sheets are: {sheets}',
  'import.noSheetWithData':
    'has no elements sheet: a sheet whose row 1 holds the columns Label and Type. The sheets are: none with data',
  'import.sheetNotRead':
    'is neither an elements sheet (Label, Type, ...) nor a connections sheet (From, To, Type); it was not read',
  'import.notWorkbook': 'is not an Excel workbook that can be read ({detail}); save it as "Excel Workbook (.xlsx)"',
  'import.duplicateIdAtRow': 'duplicate id {id}: also at row {row}',
  'import.duplicateIdAt': 'duplicate id {id}: also at {place}',
  'import.kindDiffers': '{id} is a record of the kind “{kind}” in the database, not “{incoming}”',
  'import.unknownFields': 'unknown field(s) {fields}',
  'import.missingEnd': 'connects to {id}, which is neither in the file nor in the database',
} as const;

export const importsEs: Record<keyof typeof importsEn, string> = {
  'import.where.row': 'fila {row}',
  'import.where.field': 'campo «{field}»',
  'import.malformedCsv': 'CSV mal formado: {detail}',
  'import.rowTooFew':
    'CSV mal formado: la fila tiene {cells} celdas y el encabezado {columns} columnas (faltan celdas)',
  'import.rowTooMany':
    'CSV mal formado: la fila tiene {cells} celdas y el encabezado {columns} columnas (sobran celdas)',
  'import.noHeader': 'el archivo no tiene fila de encabezado',
  'import.columnUnnamed': 'una columna no tiene nombre',
  'import.columnTwice': 'la columna «{column}» aparece dos veces',
  'import.unknownColumn': 'columna desconocida «{column}»; las columnas son {known}',
  'import.missingColumn': 'falta la columna obligatoria «{column}»',
  'import.notElementType': '«{value}» no es un tipo de elemento; use «service» o uno de {types}',
  'import.notConnectionType': '«{value}» no es un tipo de conexión; use uno de {types}',
  'import.sheetCount':
    'indique una hoja de elementos (Label, Type, ...) y como mucho una hoja de conexiones (From, To, Type)',
  'import.workbookSheetCount':
    'indique una hoja de elementos (Label, Type, ...) y como mucho una hoja de conexiones ({columns}); hay {elements} y {connections}: {sheets}',
  'import.noElementsSheet':
    'no tiene hoja de elementos: una hoja cuya fila 1 tenga las columnas Label y Type. Las hojas son: {sheets}',
  'import.noSheetWithData':
    'no tiene hoja de elementos: una hoja cuya fila 1 tenga las columnas Label y Type. Ninguna hoja tiene datos',
  'import.sheetNotRead':
    'no es una hoja de elementos (Label, Type, ...) ni una hoja de conexiones (From, To, Type); no se leyó',
  'import.notWorkbook': 'no es un libro de Excel legible ({detail}); guárdelo como «Libro de Excel (.xlsx)»',
  'import.duplicateIdAtRow': 'identificador repetido {id}: también en la fila {row}',
  'import.duplicateIdAt': 'identificador repetido {id}: también en {place}',
  'import.kindDiffers': '{id} es un registro del tipo «{kind}» en la base de datos, no «{incoming}»',
  'import.unknownFields': 'campo(s) desconocido(s) {fields}',
  'import.missingEnd': 'conecta con {id}, que no está ni en el archivo ni en la base de datos',
};
