/** 1:1 video and voice calls between friends (F7). */
export { createCallSlots, callProblems, type CallSlotsOptions } from './call-slots';
export { CallsContext, useCallService, useCallView } from './calls-context';
export { CallButtons } from './CallButtons';
export { CallOverlay } from './CallOverlay';
export { CallLog } from './CallLog';
export { CALLS_NAMESPACE } from './calls-i18n';
export { createCallService, type CallService, type CallServiceDeps } from './call-service';
export type { CallView, CallPhase, CallEndReason, CallProblem, VideoProcessor, ProcessedVideo } from './call-types';
