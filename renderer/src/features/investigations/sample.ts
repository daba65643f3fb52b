import sampleFile from '../../../../assets/sample/sample-investigation.json';
import { sampleInvestigationSchema } from '../../../../shared/sampleInvestigation';

/** The sample case, validated: a broken sample file fails loudly here rather than half-imports. */
export const sampleInvestigation = sampleInvestigationSchema.parse(sampleFile);
