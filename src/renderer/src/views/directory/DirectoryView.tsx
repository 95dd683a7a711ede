/**
 * The Directory tab: pick the scope (region, needs, kinds of provider) and the audience, preview the directory,
 * and export it (HTML, PDF, CSV, HSDS, graph formats, coalition spreadsheets as CSV or an XLSX workbook; binary files
 * travel as base64 and are saved as bytes, see download.ts). Import opens the import wizard.
 */
import { useEffect, useState } from 'react';
import { ACTOR_TYPES, NEED_CODES, type ActorType, type NeedCode } from '../../../../shared/domain';
import { EXPORT_FORMAT_NAMES, type ExportFormatName } from '../../../../shared/api/methods/ioMethods';
import { sectionsIn, type DirectoryModel, type DirectoryEntry } from '../../../../shared/interchange/directoryModel';
import type { Audience } from '../../../../shared/hsds/audience';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useI18n } from '../../i18n';
import { useAppState } from '../../state/appStore';
import { downloadFile } from '../../files/download';
import { ImportWizard } from './ImportWizard';
import './directory.css';

const label = (code: string) => code.replace(/_/g, ' ');
const PREVIEW_ENTRIES = 60;

export function DirectoryView() {
  const { t, locale } = useI18n();
  const revision = useAppState((state) => state.dataRevision);
  const [region, setRegion] = useState('');
  const [needs, setNeeds] = useState<NeedCode[]>([]);
  const [kinds, setKinds] = useState<ActorType[]>([]);
  const [audience, setAudience] = useState<Audience>('public');
  const [format, setFormat] = useState<ExportFormatName>('html');
  const [model, setModel] = useState<DirectoryModel | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);

  const scope = { region: region.trim() || null, needs, actorTypes: kinds };
  const scopeKey = JSON.stringify([scope, audience]);
  useEffect(() => {
    let live = true;
    call('io.directoryPreview', { scope, audience })
      .then((result) => live && setModel(result))
      .catch((error: unknown) => live && setStatus(t('directory.error', { message: errorText(error, t) })));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scopeKey stands for scope and audience
  }, [scopeKey, revision]);

  const exportNow = async () => {
    setBusy(true);
    setStatus(t('directory.exporting'));
    try {
      const result = await call('io.export', { format, audience, scope, locale });
      for (const file of result.files)
        if (file.contentBase64) downloadFile(file.name, file.mimeType, file.contentBase64);
      setStatus(result.files.map((file) => t('directory.exported', { name: file.name, bytes: file.bytes })).join(' '));
    } catch (error) {
      setStatus(t('directory.error', { message: errorText(error, t) }));
    } finally {
      setBusy(false);
    }
  };

  const toggle = <T,>(list: T[], value: T): T[] =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
  const services = model?.entries.reduce((sum, entry) => sum + entry.services.length, 0) ?? 0;

  return (
    <div className="directory-view">
      <aside className="directory-controls" aria-label={t('directory.scope')}>
        <h2>{t('directory.title')}</h2>
        <fieldset>
          <legend>{t('directory.scope')}</legend>
          <label>
            {t('directory.region')}
            <input
              value={region}
              placeholder="US-CA/Los Angeles County"
              onChange={(event) => setRegion(event.target.value)}
              data-testid="directory-region"
            />
          </label>
          <details>
            <summary>
              {t('directory.needs')} ({needs.length || '∗'})
            </summary>
            <div className="checks">
              {NEED_CODES.map((code) => (
                <label key={code}>
                  <input
                    type="checkbox"
                    checked={needs.includes(code)}
                    onChange={() => setNeeds(toggle(needs, code))}
                    data-testid={`directory-need-${code}`}
                  />
                  {label(code)}
                </label>
              ))}
            </div>
          </details>
          <details>
            <summary>
              {t('directory.kinds')} ({kinds.length || '∗'})
            </summary>
            <div className="checks">
              {ACTOR_TYPES.map((code) => (
                <label key={code}>
                  <input
                    type="checkbox"
                    checked={kinds.includes(code)}
                    onChange={() => setKinds(toggle(kinds, code))}
                  />
                  {label(code)}
                </label>
              ))}
            </div>
          </details>
        </fieldset>
        <fieldset>
          <legend>{t('directory.audience')}</legend>
          {(['public', 'partners'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="audience"
                checked={audience === value}
                onChange={() => setAudience(value)}
                data-testid={`directory-audience-${value}`}
              />
              {t(`directory.audience.${value}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('directory.format')}
          <select
            value={format}
            onChange={(event) => setFormat(event.target.value as ExportFormatName)}
            data-testid="directory-format"
          >
            {EXPORT_FORMAT_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`directory.formatName.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void exportNow()}
            data-testid="directory-export"
          >
            {t('directory.export')}
          </button>
          <button type="button" onClick={() => setImporting(true)} data-testid="directory-import">
            {t('directory.import')}
          </button>
        </div>
        {status && (
          <p role="status" className="directory-status" data-testid="directory-status">
            {status}
          </p>
        )}
      </aside>
      <main className="directory-main">
        {importing && <ImportWizard onClose={() => setImporting(false)} />}
        <section className="directory-preview" aria-label={t('directory.preview')} data-testid="directory-preview">
          <header>
            <h2>{t('directory.preview')}</h2>
            {model && (
              <span className="muted">
                {t('directory.previewCounts', { providers: model.entries.length, services })}
              </span>
            )}
          </header>
          {model && audience === 'partners' && <p className="confidential-note">{t('directory.doc.confidential')}</p>}
          {model && model.entries.length === 0 && <p>{t('directory.previewEmpty')}</p>}
          {model && model.sections.length > 0 && (
            <nav className="preview-toc">
              <h3>{t('directory.doc.contents')}</h3>
              <ul>
                {sectionsIn(model, locale).map((section) => (
                  <li key={section.need}>
                    {section.name} <span className="muted">({section.entryIds.length})</span>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {model?.entries.slice(0, PREVIEW_ENTRIES).map((entry) => (
            <PreviewEntry key={entry.id} entry={entry} />
          ))}
        </section>
      </main>
    </div>
  );
}

function PreviewEntry({ entry }: { entry: DirectoryEntry }) {
  const { t } = useI18n();
  const address = entry.address
    ? [entry.address.street, entry.address.city, entry.address.region, entry.address.postalCode]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <article className="preview-entry" data-testid="directory-entry">
      <h3>{entry.name}</h3>
      {(entry.detention || entry.services.some((service) => service.detention)) && (
        <p className="detention">{t('directory.doc.detention')}</p>
      )}
      <dl>
        {address && (
          <>
            <dt>{t('directory.doc.address')}</dt>
            <dd>{address}</dd>
          </>
        )}
        {entry.phones.length > 0 && (
          <>
            <dt>{t('directory.doc.phones')}</dt>
            <dd>{entry.phones.map((phone) => phone.number).join(', ')}</dd>
          </>
        )}
        {entry.languages.length > 0 && (
          <>
            <dt>{t('directory.doc.languages')}</dt>
            <dd>{entry.languages.join(', ')}</dd>
          </>
        )}
        <dt>{t('directory.doc.verified')}</dt>
        <dd className={entry.stale ? 'stale' : undefined}>{entry.verifiedAt ?? t('directory.doc.never')}</dd>
      </dl>
      <ul className="preview-services">
        {entry.services.map((service) => (
          <li key={service.id}>{service.name}</li>
        ))}
      </ul>
    </article>
  );
}
