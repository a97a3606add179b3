import { Schema, model } from 'mongoose';

/**
 * One document per periodic job: the last period some instance claimed, and who. Claiming a
 * period is one conditional update, so with several backends on one database each period's run
 * happens on exactly one of them, and a killed instance holds nothing past its period.
 */
const jobLeaseSchema = new Schema(
  {
    /** The job's name. */
    _id: { type: String, required: true },
    /** floor(time / interval) of the last claimed run. */
    period: { type: Number, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const JobLeaseModel = model('JobLease', jobLeaseSchema, 'job_leases');
