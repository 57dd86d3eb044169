import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useHearth } from '../../app/hearth-context';
import { useLoad } from '../../app/use-load';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { ChildForm } from './ChildForm';
import { ChildRow } from './ChildRow';
import { DevicesList } from './DevicesList';

/** The parent's children and devices. */
export function ChildrenSection({ parentMode }: Readonly<{ parentMode: boolean }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const children = useLoad(() => hearth.listChildren(), []);
  const profiles = useLoad(() => hearth.listProfiles(), []);
  const info = useLoad(() => hearth.getAppInfo(), []);
  const policy = useLoad(() => hearth.getPolicy(), []);
  const [adding, setAdding] = useState(false);
  const [version, setVersion] = useState(0);
  const refresh = (): void => {
    setVersion((v) => v + 1);
    children.reload();
    profiles.reload();
    info.reload();
  };
  return (
    <section aria-labelledby="children-title" className="pane-section">
      <div className="section-head">
        <h2 id="children-title">{t('pane.nav.children')}</h2>
        {!adding && (
          <Button variant="primary" icon="➕" onClick={() => setAdding(true)} disabled={!policy.value}>
            {t('pane.children.add')}
          </Button>
        )}
      </div>
      <ErrorNote error={children.error ?? policy.error} />
      {adding && policy.value && (
        <ChildForm
          policyVersion={policy.value.version}
          consentGiven={false}
          addToThisPc={!parentMode}
          onCreated={() => {
            setAdding(false);
            refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ul className="child-rows">
        {children.value?.children.map((entry) => (
          <ChildRow
            key={entry.child.childId}
            entry={entry}
            profile={profiles.value?.profiles.find((p) => p.childId === entry.child.childId)}
            enrolled={info.value?.enrolled ?? false}
            onChanged={refresh}
            allowOnPc={!parentMode}
          />
        ))}
      </ul>
      <DevicesList version={version} />
    </section>
  );
}
