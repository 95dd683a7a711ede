/**
 * The desktop app's own dialogs, shown by the main process before (or without) the window: in the system's language
 * (desktopDialogs.ts), as the UI's choice of language is not known yet.
 */
export const desktopEn = {
  'desktop.openFailed.title': 'Referral Atlas cannot open its database',
  'desktop.openFailed.restore': 'Restore the last good backup',
  'desktop.quit': 'Quit',
  'desktop.offer.newerVersion': 'Update Referral Atlas to open it. The database has not been changed.',
  'desktop.offer.unreadable':
    'Check that the disk is connected and that you may read and write the database folder. The database has not been changed.',
  'desktop.offer.noBackup': 'There is no good backup to restore. The damaged file has not been changed.',
  'desktop.offer.restore':
    'The last good backup was taken {at}. Restoring it keeps a copy of the damaged file beside it; changes made after that backup are not in it.',
  'desktop.startFailed.title': 'Referral Atlas could not start',
  'desktop.link.title': 'Open a link in your browser?',
  'desktop.link.message': 'Open {host} in your web browser?',
  'desktop.link.detail': '{url}\n\nThe page opens outside Referral Atlas, on the internet.',
  'desktop.link.open': 'Open in browser',
  'desktop.link.cancel': 'Cancel',
} as const;

export const desktopEs: Record<keyof typeof desktopEn, string> = {
  'desktop.openFailed.title': 'Referral Atlas no puede abrir su base de datos',
  'desktop.openFailed.restore': 'Restaurar la última copia de seguridad buena',
  'desktop.quit': 'Salir',
  'desktop.offer.newerVersion': 'Actualice Referral Atlas para abrirla. La base de datos no se ha cambiado.',
  'desktop.offer.unreadable':
    'Compruebe que el disco está conectado y que puede leer y escribir en la carpeta de la base de datos. La base de datos no se ha cambiado.',
  'desktop.offer.noBackup':
    'No hay ninguna copia de seguridad buena que restaurar. El archivo dañado no se ha cambiado.',
  'desktop.offer.restore':
    'La última copia de seguridad buena es del {at}. Al restaurarla se guarda una copia del archivo dañado a su lado; los cambios hechos después de esa copia no están en ella.',
  'desktop.startFailed.title': 'Referral Atlas no pudo iniciarse',
  'desktop.link.title': '¿Abrir un enlace en el navegador?',
  'desktop.link.message': '¿Abrir {host} en el navegador web?',
  'desktop.link.detail': '{url}\n\nLa página se abre fuera de Referral Atlas, en internet.',
  'desktop.link.open': 'Abrir en el navegador',
  'desktop.link.cancel': 'Cancelar',
};
