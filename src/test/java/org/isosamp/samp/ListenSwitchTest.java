package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.SampException;
import org.isosamp.testing.Await;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;

/**
 * The window's "Listen" switch in the core: off, iso-samp stops subscribing to {@code coord.pointAt.sky} (the hub
 * refuses to deliver one; row messages are still taken), on again it subscribes again, and what is declared then is
 * what a later registration declares too.
 */
class ListenSwitchTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void offTheHubSendsNoPositionsOnAgainItDoes() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "image.load.fits");
             SampSession bus = SampSession.open(hub.location(), false);
             PointAtService service = new PointAtService(bus, SharedArchive.client(),
                 ConeSearcher.Settings.of(SampManifest.load()), (b, t) -> new RecordingPublisher())) {
            service.setListening(false);   // before start: never declared
            assertFalse(service.isListening());
            service.start(1, WAIT);
            String self = bus.client().selfId();
            Await.until(() -> subscriptions(aladin, self) != null, WAIT, "iso-samp seen by Aladin");
            assertFalse(subscriptions(aladin, self).isSubscribed("coord.pointAt.sky"));
            assertTrue(subscriptions(aladin, self).isSubscribed("table.highlight.row"), "rows still taken");
            Message pointAt = new Message("coord.pointAt.sky").addParam("ra", "10").addParam("dec", "41");
            SampException refused = org.junit.jupiter.api.Assertions.assertThrows(SampException.class,
                () -> aladin.connector().getConnection().notify(self, pointAt));
            assertTrue(String.valueOf(refused.getMessage()).contains("not subscribed"), refused.getMessage());

            service.setListening(true);
            assertTrue(service.isListening());
            Await.until(() -> subscriptions(aladin, self).isSubscribed("coord.pointAt.sky"), WAIT,
                        "subscribed again");
            assertTrue(aladin.connector().callAndWait(self, pointAt, 10).isOK());

            service.setListening(false);
            hub.restart();   // a new registration declares what the switch says now
            Await.until(() -> bus.client().isConnected() && !self.equals(bus.client().selfId()), WAIT,
                        "registered again");
            try (FakeViewer aladin2 = new FakeViewer(hub, "Aladin2", "image.load.fits")) {
                String again = bus.client().selfId();
                Await.until(() -> subscriptions(aladin2, again) != null
                            && subscriptions(aladin2, again).isSubscribed("table.highlight.row"), WAIT, "seen");
                assertFalse(subscriptions(aladin2, again).isSubscribed("coord.pointAt.sky"));
            }
            assertEquals(false, service.isListening());
        }
    }

    private static org.astrogrid.samp.Subscriptions subscriptions(FakeViewer v, String id) {
        @SuppressWarnings("unchecked")
        Map<String, Client> clients = v.connector().getClientMap();
        synchronized (clients) {
            Client c = clients.get(id);
            return c == null || c.getSubscriptions() == null ? null : c.getSubscriptions();
        }
    }
}
