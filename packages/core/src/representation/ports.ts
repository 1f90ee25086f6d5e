/** What the population register says about a person's relations, for acting for others. */
export interface RelationFacts {
  /** A confidential address (fortrolig / strengt fortrolig): no representation either way. */
  confidentialAddress: boolean;
  /** The people this person acts for by the register: parental responsibility (FO), guardianship (VE). */
  responsibleFor: { nationalId: string; relation: 'FO' | 'VE' }[];
  /**
   * The other way round: who the register lists as responsible for this person
   * (a child's parents with parental responsibility, a guardian). Absent: none known.
   */
  responsibleAdults?: { nationalId: string; relation: 'FO' | 'VE' }[];
}

export interface RelationRegister {
  /** Undefined when the person is not in the register. */
  relations(nationalId: string): Promise<RelationFacts | undefined>;
}
