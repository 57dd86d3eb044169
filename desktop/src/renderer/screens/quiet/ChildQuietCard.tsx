import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildId, ChildQuiet, ErrorBody, FriendshipView, IpcResult, QuietSchedule } from '@hearth/common';
import { useHearth } from '../../app/hearth-context';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { QuietStatusControls } from './QuietStatusControls';
import { useChildQuiet } from './use-child-quiet';
import { EMPTY_WEEK, WeeklyEditor, schoolNightsPreset, withLunch } from './WeeklyEditor';

/** Every IANA zone this browser knows, for the time-zone list (the relay checks it again). */
function zones(current: string): readonly string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/** Runs one save and keeps its error (null after a success). */
function useSave(): Readonly<{
  busy: boolean;
  error: ErrorBody | null;
  done: boolean;
  run: <T>(call: () => Promise<IpcResult<T>>, then?: (value: T) => void) => void;
}> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [done, setDone] = useState(false);
  return {
    busy,
    error,
    done,
    run: (call, then) => {
      setBusy(true);
      setError(null);
      setDone(false);
      void call().then((r) => {
        setBusy(false);
        if (r.ok) {
          setDone(true);
          then?.(r.value);
        } else setError(r.error);
      });
    },
  };
}

/** The schedule, daily time and reach of one child; saved with one button. */
function ScheduleForm({
  childId,
  schedule,
  onSaved,
}: Readonly<{ childId: ChildId; schedule: QuietSchedule; onSaved: (q: ChildQuiet) => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const [draft, setDraft] = useState<QuietSchedule>(schedule);
  useEffect(() => setDraft(schedule), [schedule]);
  const save = useSave();
  const id = useId();
  const limited = draft.dailyLimitMinutes !== null;
  return (
    <form
      className="quiet-schedule"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(() => hearth.setChildQuiet({ childId, schedule: draft }), onSaved);
      }}
    >
      <h4>{t('pane.quiet.schedule')}</h4>
      <p className="field-hint">{t('pane.quiet.scheduleHelp')}</p>
      <div className="quiet-controls" role="group" aria-label={t('pane.quiet.presets')}>
        <span>{t('pane.quiet.presets')}:</span>
        <Button size="small" onClick={() => setDraft({ ...draft, quiet: schoolNightsPreset() })}>
          {t('pane.quiet.preset.schoolNights')}
        </Button>
        <Button size="small" onClick={() => setDraft({ ...draft, quiet: withLunch(draft.quiet) })}>
          {t('pane.quiet.preset.lunch')}
        </Button>
        <Button size="small" onClick={() => setDraft({ ...draft, quiet: EMPTY_WEEK })}>
          {t('pane.quiet.preset.none')}
        </Button>
      </div>
      <WeeklyEditor idPrefix={`${id}-week`} value={draft.quiet} onChange={(quiet) => setDraft({ ...draft, quiet })} />
      <fieldset className="quiet-day">
        <legend>{t('pane.quiet.dailyLimit')}</legend>
        <label>
          <input
            type="checkbox"
            checked={!limited}
            onChange={(e) => setDraft({ ...draft, dailyLimitMinutes: e.target.checked ? null : 60 })}
          />{' '}
          {t('pane.quiet.dailyLimitNone')}
        </label>
        {limited && (
          <div className="quiet-window">
            <label htmlFor={`${id}-limit`}>{t('pane.quiet.dailyLimitMinutes')}</label>
            <input
              id={`${id}-limit`}
              type="number"
              min={0}
              max={1440}
              step={5}
              value={draft.dailyLimitMinutes ?? 60}
              onChange={(e) =>
                setDraft({ ...draft, dailyLimitMinutes: Math.max(0, Math.min(1440, Number(e.target.value) || 0)) })
              }
            />
          </div>
        )}
      </fieldset>
      <label className="quiet-check">
        <input
          type="checkbox"
          checked={draft.trustedGrownUpsReach}
          onChange={(e) => setDraft({ ...draft, trustedGrownUpsReach: e.target.checked })}
        />
        {t('pane.quiet.trustedReach')}
      </label>
      <ErrorNote error={save.error} />
      {save.done && <p role="status">{t('pane.quiet.saved')}</p>}
      <Button type="submit" variant="primary" disabled={save.busy}>
        {t('pane.quiet.save')}
      </Button>
    </form>
  );
}

/** The child's time zone (or every child's), and whether I pass during quiet time. */
function ZoneAndReach({
  childId,
  timeZone,
  myReach,
  onSaved,
}: Readonly<{ childId: ChildId; timeZone: string; myReach: boolean; onSaved: (q: ChildQuiet) => void }>): ReactElement {
  const { t } = useTranslation();
  const hearth = useHearth();
  const id = useId();
  const [zone, setZone] = useState(timeZone);
  const [wholeFamily, setWholeFamily] = useState(false);
  const [reach, setReach] = useState(myReach);
  const save = useSave();
  return (
    <div className="quiet-zone">
      <div className="quiet-controls">
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('pane.quiet.timeZone')}</label>
          <select id={`${id}-zone`} value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones(timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" checked={wholeFamily} onChange={(e) => setWholeFamily(e.target.checked)} />{' '}
          {t('pane.quiet.wholeFamily')}
        </label>
        <Button
          disabled={save.busy}
          onClick={() => save.run(() => hearth.setQuietTimeZone({ childId, timeZone: zone, wholeFamily }), onSaved)}
        >
          {t('pane.quiet.saveZone')}
        </Button>
      </div>
      <label className="quiet-check">
        <input
          type="checkbox"
          checked={reach}
          onChange={(e) => {
            const next = e.target.checked;
            setReach(next);
            save.run(() => hearth.setMyQuietReach({ childId, reach: next }), onSaved);
          }}
        />
        {t('pane.quiet.myReach')}
      </label>
      <ErrorNote error={save.error} />
    </div>
  );
}

/** When one contact may reach the child: windows that only narrow the non-quiet time. */
function ContactWindows({
  childId,
  contacts,
  quiet,
  onSaved,
}: Readonly<{
  childId: ChildId;
  contacts: readonly FriendshipView[];
  quiet: ChildQuiet;
  onSaved: (q: ChildQuiet) => void;
}>): ReactElement | null {
  const { t } = useTranslation();
  const hearth = useHearth();
  const id = useId();
  const [contactId, setContactId] = useState(contacts[0]?.friend.accountId ?? '');
  const savedWeek = quiet.contacts.find((c) => c.contactId === contactId)?.allowed ?? EMPTY_WEEK;
  const [week, setWeek] = useState(savedWeek);
  // Another contact picked (or a save came back): its saved windows.
  useEffect(() => setWeek(savedWeek), [savedWeek]);
  const save = useSave();
  if (contacts.length === 0) return null;
  return (
    <div className="quiet-contacts">
      <h4>{t('pane.quiet.contacts')}</h4>
      <p className="field-hint">{t('pane.quiet.contactsHelp')}</p>
      <div className="field">
        <label htmlFor={`${id}-contact`}>{t('pane.quiet.contact')}</label>
        <select id={`${id}-contact`} value={contactId} onChange={(e) => setContactId(e.target.value)}>
          {contacts.map((c) => (
            <option key={c.friend.accountId} value={c.friend.accountId}>
              {c.friend.displayName}
            </option>
          ))}
        </select>
      </div>
      <p>{t('pane.quiet.contactAllowed')}</p>
      <WeeklyEditor idPrefix={`${id}-allowed`} kind="allowed" value={week} onChange={setWeek} />
      <ErrorNote error={save.error} />
      {save.done && <p role="status">{t('pane.quiet.saved')}</p>}
      <div className="quiet-controls">
        <Button
          disabled={save.busy}
          onClick={() => save.run(() => hearth.setContactQuietWindows({ childId, contactId, allowed: week }), onSaved)}
        >
          {t('pane.quiet.contactSave')}
        </Button>
        <Button
          variant="quiet"
          disabled={save.busy}
          onClick={() => save.run(() => hearth.setContactQuietWindows({ childId, contactId, allowed: null }), onSaved)}
        >
          {t('pane.quiet.contactClear')}
        </Button>
      </div>
    </div>
  );
}

/** One child's quiet time in the pane: status and quick actions, the week, the zone, each contact. */
export function ChildQuietCard({
  childId,
  name,
  contacts,
}: Readonly<{ childId: ChildId; name: string; contacts: readonly FriendshipView[] }>): ReactElement {
  const hearth = useHearth();
  const { quiet, error, setQuiet } = useChildQuiet(childId, (id) => hearth.getChildQuiet({ childId: id }));
  return (
    <article className="card quiet-card" data-child={childId} aria-label={name}>
      <h3>{name}</h3>
      <ErrorNote error={error} />
      {quiet && (
        <>
          <QuietStatusControls
            status={quiet.status}
            actions={{
              quietNow: (until) => hearth.startQuietNow({ childId, until }),
              extraMinutes: (minutes) => hearth.giveExtraMinutes({ childId, minutes }),
            }}
            onChanged={setQuiet}
          />
          <ScheduleForm childId={childId} schedule={quiet.schedule} onSaved={setQuiet} />
          <ZoneAndReach childId={childId} timeZone={quiet.status.timeZone} myReach={quiet.myReach} onSaved={setQuiet} />
          <ContactWindows childId={childId} contacts={contacts} quiet={quiet} onSaved={setQuiet} />
        </>
      )}
    </article>
  );
}
