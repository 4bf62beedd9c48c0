/**
 * The few things the shell itself must say before the UI exists (start-up refusals), in Spanish and English.
 * Everything else is worded by the renderer through i18next.
 */
import type { KeyStoreProblem } from './key-store';

export type ShellLanguage = 'es' | 'en';

export function languageOf(locale: string): ShellLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'es';
}

type Text = { title: string; body: (detail: string) => string };

const keyStore: Record<ShellLanguage, Record<KeyStoreProblem, Text>> = {
  es: {
    unavailable: {
      title: 'Recaudo no puede proteger sus datos',
      body: (d) => `El sistema operativo no ofrece almacenamiento cifrado para la clave de la base local, y Recaudo no la guarda sin cifrar.\n\nInicie sesión con su usuario de Windows/macOS (no una sesión temporal) o contacte a soporte de TI.\n\nDetalle: ${d}`,
    },
    weak_backend: {
      title: 'Recaudo no puede proteger sus datos',
      body: (d) => `No hay un llavero del sistema (GNOME Keyring / KWallet) disponible; sin él la clave quedaría en texto plano.\n\nContacte a soporte de TI.\n\nDetalle: ${d}`,
    },
    unreadable: {
      title: 'No se puede abrir la base local',
      body: (d) => `La clave de la base local no se puede descifrar con este usuario del sistema. No se creó una clave nueva para no perder el trabajo pendiente de sincronizar.\n\nContacte a soporte de TI.\n\nDetalle: ${d}`,
    },
    damaged: {
      title: 'No se puede abrir la base local',
      body: (d) => `El archivo de la clave está dañado. Contacte a soporte de TI.\n\nDetalle: ${d}`,
    },
    write_failed: {
      title: 'No se puede guardar la clave de la base local',
      body: (d) => `Recaudo no pudo escribir en su carpeta de datos. Revise el espacio en disco y los permisos, o contacte a soporte de TI.\n\nDetalle: ${d}`,
    },
  },
  en: {
    unavailable: {
      title: 'Recaudo cannot protect your data',
      body: (d) => `The operating system offers no encrypted storage for the local database key, and Recaudo will not keep it unencrypted.\n\nSign in with your own Windows/macOS account (not a temporary session) or contact IT support.\n\nDetails: ${d}`,
    },
    weak_backend: {
      title: 'Recaudo cannot protect your data',
      body: (d) => `No system keyring (GNOME Keyring / KWallet) is available; without one the key would be stored as plain text.\n\nContact IT support.\n\nDetails: ${d}`,
    },
    unreadable: {
      title: 'The local database cannot be opened',
      body: (d) => `The local database key cannot be decrypted by this OS user. No new key was created, so no unsynced work is lost.\n\nContact IT support.\n\nDetails: ${d}`,
    },
    damaged: {
      title: 'The local database cannot be opened',
      body: (d) => `The key file is damaged. Contact IT support.\n\nDetails: ${d}`,
    },
    write_failed: {
      title: 'The local database key cannot be saved',
      body: (d) => `Recaudo could not write to its data folder. Check disk space and permissions, or contact IT support.\n\nDetails: ${d}`,
    },
  },
};

export function keyStoreMessage(lang: ShellLanguage, problem: KeyStoreProblem, detail: string): { title: string; body: string } {
  const t = keyStore[lang][problem];
  return { title: t.title, body: t.body(detail) };
}

export function configMessage(lang: ShellLanguage, file: string, field: string, reason: string): { title: string; body: string } {
  return lang === 'en'
    ? { title: 'Recaudo configuration error', body: `The configuration file ${file} has an invalid value.\n\nField: ${field}\nProblem: ${reason}\n\nContact IT support.` }
    : { title: 'Error en la configuración de Recaudo', body: `El archivo de configuración ${file} tiene un valor no válido.\n\nCampo: ${field}\nProblema: ${reason}\n\nContacte a soporte de TI.` };
}

export function startFailedMessage(lang: ShellLanguage, detail: string): { title: string; body: string } {
  return lang === 'en'
    ? { title: 'Recaudo could not start', body: `The local desk could not be opened.\n\nDetails: ${detail}` }
    : { title: 'Recaudo no pudo iniciar', body: `No se pudo abrir el escritorio local.\n\nDetalle: ${detail}` };
}
