import type { Migration } from 'kysely/migration';
import * as inbox from './0001_inbox.ts';
import * as identity from './0002_identity.ts';
import * as delivery from './0003_delivery.ts';
import * as appointments from './0004_appointments.ts';
import * as municipal from './0005_municipal.ts';
import * as performance from './0006_performance.ts';
import * as threadSearch from './0007_thread_search.ts';
import * as writeOnceVacuumOften from './0008_write_once_vacuum_often.ts';
import * as unreadCountsKept from './0009_unread_counts_kept.ts';
import * as searchIndexSmallPendingList from './0010_search_index_small_pending_list.ts';
import * as jobKeysOnlyWherePresent from './0011_job_keys_only_where_present.ts';
import * as deliveryAttemptKeyedByCitizen from './0012_delivery_attempt_keyed_by_citizen.ts';
import * as searchWalksAnIndex from './0013_search_walks_an_index.ts';
import * as threadStartedBy from './0014_thread_started_by.ts';
import * as accessLogSealedAndListViews from './0015_access_log_sealed_and_list_views.ts';
import * as actingForOthers from './0016_acting_for_others.ts';
import * as dialogmeldingExchange from './0017_dialogmelding_exchange.ts';
import * as forms from './0018_forms.ts';
import * as citizenLanguage from './0019_citizen_language.ts';
import * as searchWalkKnowsRepresentativeAccess from './0020_search_walk_knows_representative_access.ts';
import * as dialogOutgoing from './0021_dialog_outgoing.ts';
import * as keysCarryTheCitizen from './0022_keys_carry_the_citizen.ts';
import * as actingForOthersFinished from './0023_acting_for_others_finished.ts';
import * as operatorScreen from './0024_operator_screen.ts';
import * as citizenByNationalId from './0025_citizen_by_national_id.ts';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_inbox': inbox,
  '0002_identity': identity,
  '0003_delivery': delivery,
  '0004_appointments': appointments,
  '0005_municipal': municipal,
  '0006_performance': performance,
  '0007_thread_search': threadSearch,
  '0008_write_once_vacuum_often': writeOnceVacuumOften,
  '0009_unread_counts_kept': unreadCountsKept,
  '0010_search_index_small_pending_list': searchIndexSmallPendingList,
  '0011_job_keys_only_where_present': jobKeysOnlyWherePresent,
  '0012_delivery_attempt_keyed_by_citizen': deliveryAttemptKeyedByCitizen,
  '0013_search_walks_an_index': searchWalksAnIndex,
  '0014_thread_started_by': threadStartedBy,
  '0015_access_log_sealed_and_list_views': accessLogSealedAndListViews,
  '0016_acting_for_others': actingForOthers,
  '0017_dialogmelding_exchange': dialogmeldingExchange,
  '0018_forms': forms,
  '0019_citizen_language': citizenLanguage,
  '0020_search_walk_knows_representative_access': searchWalkKnowsRepresentativeAccess,
  '0021_dialog_outgoing': dialogOutgoing,
  '0022_keys_carry_the_citizen': keysCarryTheCitizen,
  '0023_acting_for_others_finished': actingForOthersFinished,
  '0024_operator_screen': operatorScreen,
  '0025_citizen_by_national_id': citizenByNationalId,
};
