/**
 * The wizard's state: what is converted, to what, with which options and password, where to, and which
 * step is shown. An intent from the Inspector fills it in once. Derived: the preview request, which steps
 * apply, and whether the current step lets the user go on.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConvertOptionsDto, ConvertPreviewDto, ConvertRequest, DocumentDto, PlannedFileDto } from '../../../main/api/dto';
import { useIntentFor, useNavigation } from '../../frame/navigation';
import { hasProtectStep, passwordProblem, passwordRequired, protectionNeeds, type ProtectionNeeds } from './protection';
import { fromSource, isEmpty, NO_SELECTION, prune, toSource, type Selection } from './selection';
import { effectiveStep, startStep, visibleSteps, type StepId } from './steps';
import { choiceFor, type TargetChoice } from './targets';
import { usePreview, type PreviewModel } from './usePreview';

export type FileNames = Partial<Record<PlannedFileDto['role'], string>>;

export interface WizardModel {
  selection: Selection;
  setSelection(next: Selection | ((s: Selection) => Selection)): void;
  choice: TargetChoice | null;
  choose(choice: TargetChoice): void;
  options: ConvertOptionsDto;
  setOption<K extends keyof ConvertOptionsDto>(key: K, value: ConvertOptionsDto[K]): void;
  password: string;
  confirm: string;
  setPassword(p: string): void;
  setConfirm(p: string): void;
  /** JKS/JCEKS: the key entry's own password, when the user wants one (else the store password). */
  keyPassword: { own: boolean; password: string; confirm: string };
  setKeyPassword(next: Partial<WizardModel['keyPassword']>): void;
  names: FileNames;
  setName(role: PlannedFileDto['role'], name: string): void;
  /** The step shown (a step that no longer applies gives way to the next). */
  step: StepId;
  goTo(step: StepId): void;
  steps: StepId[];
  /** The preview of the chosen conversion (null while it is being worked out). */
  preview: PreviewModel;
  /** The latest answer of any kind (the input probed before a target was chosen): what was found. */
  latest: ConvertPreviewDto | null;
  needs: ProtectionNeeds | null;
  /** Why the user cannot go on from the step shown, or null. */
  blocker: string | null;
  /** The request as it will be written. */
  request: ConvertRequest | null;
  passwordNeeded: boolean;
  /** A chosen file still waiting for its password. */
  lockedName: string | null;
  reset(): void;
}

/** Before a target is chosen the input is previewed as PEM with everything in it: what was found, the whole chain in order. */
const PROBE: Pick<ConvertRequest, 'target' | 'options'> = { target: 'pem', options: { includeKey: true, includeChain: true, includeRoot: true, noKeyEncryption: true } };

const FILE_NAME = /^[^/\\:*?"<>|\u0000-\u001f]+$/;

export function useConvertWizard(documents: DocumentDto[]): WizardModel {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [choice, setChoice] = useState<TargetChoice | null>(null);
  const [options, setOptions] = useState<ConvertOptionsDto>({});
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [keyPassword, setKeyPasswordState] = useState<WizardModel['keyPassword']>({ own: false, password: '', confirm: '' });
  const [names, setNames] = useState<FileNames>({});
  const [step, setStep] = useState<StepId>('source');

  // An intent from the Inspector fills the wizard once.
  const intent = useIntentFor('convert');
  const { consume } = useNavigation();
  useEffect(() => {
    if (!intent) return;
    setSelection(fromSource(intent.source));
    const picked = intent.target ? choiceFor(intent.target, intent.options) : null;
    setChoice(picked);
    setOptions(picked ? { ...picked.options, ...intent.options } : { ...intent.options });
    setNames({});
    setStep(startStep(intent));
    consume();
  }, [intent, consume]);

  // Files closed elsewhere leave the selection.
  useEffect(() => setSelection((s) => prune(s, documents)), [documents]);

  const source = useMemo(() => toSource(selection), [selection]);
  // A file still locked has nothing to show yet; once unlocked (or changed) the preview is asked again.
  const lockedDoc = documents.find((d) => selection.documentIds.includes(d.id) && d.status === 'locked');
  const revision = documents
    .filter((d) => selection.documentIds.includes(d.id) || selection.objectIds.some((id) => id.startsWith(`${d.id}/`)))
    .map((d) => `${d.id}:${d.status}:${d.objects.length}:${d.lock ? 'lock' : ''}`)
    .join(',');
  const request = useMemo<ConvertRequest | null>(() => (isEmpty(selection) || !choice ? null : { source, target: choice.target, options }), [selection, choice, source, options]);
  const probe = useMemo<ConvertRequest | null>(() => (isEmpty(selection) || lockedDoc ? null : request ?? { source, ...PROBE }), [selection, request, source, lockedDoc]);
  const preview = usePreview(probe, revision);
  const current: ConvertPreviewDto | null = request && preview.preview?.target === request.target ? preview.preview : null;
  const hasKey = (preview.preview?.found.privateKeys ?? 0) > 0;
  const needs = choice ? protectionNeeds(choice.target, options, hasKey) : null;
  const steps = visibleSteps(needs ? hasProtectStep(needs) : true);
  const shown = effectiveStep(step, steps);
  const passwordNeeded = needs ? passwordRequired(needs, options) : false;

  const blocker = ((): string | null => {
    if (lockedDoc) return `Enter the password of ${lockedDoc.name} first.`;
    switch (shown) {
      case 'source':
        return isEmpty(selection) ? 'Choose or drop what to convert.' : null;
      case 'target':
        if (!choice) return 'Choose who needs it.';
        return current?.blocked?.message ?? null;
      case 'protect': {
        const store = passwordNeeded && choice ? passwordProblem(choice.target, password, confirm) : null;
        const key = needs?.ownKeyPassword && keyPassword.own && choice ? passwordProblem(choice.target, keyPassword.password, keyPassword.confirm) : null;
        return store ?? (key ? `Key password: ${key}` : null);
      }
      case 'where': {
        const bad = Object.values(names).find((n) => n !== undefined && !FILE_NAME.test(n.trim()));
        return bad !== undefined ? `“${bad}” cannot be a file name.` : null;
      }
      case 'review':
        return !current ? 'Working out what will be written…' : current.blocked ? current.blocked.message : null;
    }
  })();

  const choose = useCallback((next: TargetChoice) => {
    setChoice(next);
    setOptions({ ...next.options });
    setNames({});
  }, []);
  const setOption = useCallback(<K extends keyof ConvertOptionsDto>(key: K, value: ConvertOptionsDto[K]) => setOptions((o) => ({ ...o, [key]: value })), []);
  const setName = useCallback((role: PlannedFileDto['role'], name: string) => setNames((n) => ({ ...n, [role]: name })), []);
  const reset = useCallback(() => {
    setSelection(NO_SELECTION);
    setChoice(null);
    setOptions({});
    setPassword('');
    setConfirm('');
    setKeyPasswordState({ own: false, password: '', confirm: '' });
    setNames({});
    setStep('source');
  }, []);

  return {
    selection,
    setSelection,
    choice,
    choose,
    options,
    setOption,
    password,
    confirm,
    setPassword,
    setConfirm,
    keyPassword,
    setKeyPassword: useCallback((next: Partial<WizardModel['keyPassword']>) => setKeyPasswordState((k) => ({ ...k, ...next })), []),
    names,
    setName,
    step: shown,
    goTo: setStep,
    steps,
    preview: { ...preview, preview: request ? current : preview.preview },
    latest: preview.preview,
    needs,
    blocker,
    request,
    passwordNeeded,
    lockedName: lockedDoc?.name ?? null,
    reset,
  };
}
