package cn.zwgk.assistant.platform;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Events wait in {@code event_publication} until their listeners have run, and some carry what a citizen
 * wrote or what a message said. They are stored as JSON sealed with the personal-data key, as every other
 * piece of personal data at rest. A publication is completed by its id, never by comparing the stored text.
 */
@Component
class SealedEventSerializer implements EventSerializer {

    private final JsonMapper json;
    private final PersonalDataCipher cipher;

    SealedEventSerializer(JsonMapper json, PersonalDataCipher cipher) {
        this.json = json;
        this.cipher = cipher;
    }

    @Override
    public Object serialize(Object event) {
        return cipher.encrypt(json.writeValueAsString(event));
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return json.readValue(cipher.decrypt(serialized.toString()), type);
    }
}
