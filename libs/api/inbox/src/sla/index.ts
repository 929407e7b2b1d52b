export {
  BusinessCalendar,
  BusinessPeriod,
  MAX_DAYS_WITHOUT_OPENING,
  addBusinessMillis,
  businessMillisBetween,
  isOpen,
  nextOpening,
} from './business-calendar';
export { DEFAULT_DUE_SOON_SHARE, SlaState, slaClock, type SlaClock, type SlaClockInput } from './sla-clock';
export { SlaPoliciesService, dueDates, slaOf, type SlaPolicy } from './sla-policies.service';
