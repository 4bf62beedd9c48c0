export { Softphone, PhoneError, type SoftphoneOptions } from './softphone';
export * from './types';
export * from './ports';
export { estimateMos, qualityLevel } from './mos';
export { endReason, type EndCause, type EndReason } from './sip-causes';
export { parseDialTarget, DialTargetError } from './dial-target';
