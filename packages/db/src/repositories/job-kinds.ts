/** The job that plans and starts a new letter's delivery (the worker's `deliver-letter` handler). */
export const deliverLetterJob = 'deliver-letter';
