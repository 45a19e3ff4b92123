package app.physioportal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The browser's half of a passkey ceremony: it asks the phone or computer (screen lock, fingerprint, face, a
 * security key) to make or use a passkey with the options the server sent, and hands the answer back as JSON.
 * Passkeys need a secure page (https, or localhost); elsewhere the person is told to use an authenticator app.
 */
final class PasskeyBrowser {

    private static final String UNSUPPORTED = "if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON)"
            + " { throw new Error('unsupported'); }";

    private static final String CREATE = UNSUPPORTED
            + "const options = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse($0));"
            + "return navigator.credentials.create({publicKey: options}).then(c => JSON.stringify(c.toJSON()));";

    private static final String GET = UNSUPPORTED
            + "const options = PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse($0));"
            + "return navigator.credentials.get({publicKey: options}).then(c => JSON.stringify(c.toJSON()));";

    static final String FAILED = "No passkey was made or used: the request was cancelled, timed out, or this device "
            + "or browser cannot do passkeys here (they need a secure https page).";

    private PasskeyBrowser() {
    }

    static void create(Component on, String optionsJson, SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        on.getElement().executeJs(CREATE, optionsJson).then(String.class, answer, failed);
    }

    static void get(Component on, String optionsJson, SerializableConsumer<String> answer,
            SerializableConsumer<String> failed) {
        on.getElement().executeJs(GET, optionsJson).then(String.class, answer, failed);
    }
}
