export { SamplingError } from "./errors";
export { createRng, rngFromState, MAX_SEED, type Rng } from "./prng";
export { computeSampleSize, yamaneSampleSize, marginSampleSize, Z_95, type SampleSizeRule } from "./sample-size";
export { allocateSample, type AllocationRule, type StratumSize, type StratumAllocation } from "./allocation";
export { permutePrefix } from "./srswor";
export {
  planSample,
  drawSample,
  SAMPLING_ALGORITHM,
  type FrameUnit,
  type FrameValue,
  type StratifiedDesign,
  type ReserveRule,
  type SamplePlan,
  type StratumPlan,
  type SampledUnit,
  type ReserveUnit,
  type DrawnSample,
} from "./stratified";
export {
  planMultiStage,
  drawMultiStage,
  MULTISTAGE_ALGORITHM,
  type StageUnit,
  type StageDesign,
  type MultiStageDesign,
  type MultiStagePlan,
  type StagePlan,
  type StageParentPlan,
  type PlannedStageUnit,
  type StageSelection,
  type StageReserve,
  type FinalUnit,
  type MultiStageSample,
} from "./multistage";
export {
  adjustForNonResponse,
  type ResponseStatus,
  type FieldworkUnit,
  type AdjustedUnit,
  type StratumAdjustment,
  type NonResponseAdjustment,
} from "./nonresponse";
