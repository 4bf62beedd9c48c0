/** Words of the follow-up calendar's paging (the rest of its words live with the guided call's). */
import { i18n } from '../../i18n';

i18n.addResourceBundle('es', 'translation', { followUp: { more: 'Ver {{count}} más' } }, true, false);
i18n.addResourceBundle('en', 'translation', { followUp: { more: 'Show {{count}} more' } }, true, false);
