package org.chorus.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.support.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.accounts.ChorusUser;
import org.chorus.organizations.Actor;
import org.chorus.organizations.Organization;
import org.chorus.organizations.Role;
import org.chorus.statements.StatementFixtures;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An owner registers a webhook endpoint on the organization's webhooks page and copies its secret, shown once; what
 * then happens to the organization's statements and actions reaches the endpoint as Standard Webhooks messages whose
 * signature verifies with that secret, each once; the endpoint's log shows the deliveries, and a refused one can be
 * sent again. Other members do not see the page.
 */
@ChorusWebTest
class WebhooksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StatementFixtures statements;

    @Autowired
    org.chorus.actions.ActionFixtures actions;

    /** A request the receiver got. */
    record Received(Map<String, String> headers, String body) {
        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }

    Organization league;
    ChorusUser owner;
    HttpServer receiver;
    String address;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void a_league_with_an_owner_and_a_receiver() throws Exception {
        league = fixtures.coalition();
        owner = fixtures.person("owner");
        fixtures.grant(league, owner, Role.OWNER);
        received.clear();
        answer.set(204);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            var headers = new java.util.HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(
                    headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        address = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/chorus";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String register(String... events) throws Exception {
        var request = post("/o/" + league.slug() + "/manage/webhooks")
                .with(user(owner))
                .with(csrf())
                .param("url", address)
                .param("description", "our CRM");
        for (var event : events) {
            request = request.param("events", event);
        }
        var page = Html.parse(mvc.perform(request).andExpect(status().isOk()).andReturn());
        return page.select("#secret-value").val();
    }

    List<Received> of(String type) {
        return received.stream()
                .filter(r -> r.json().path("type").asString("").equals(type))
                .toList();
    }

    @Test
    void an_owner_registers_an_endpoint_and_it_hears_of_statements_and_actions_signed_with_its_secret()
            throws Exception {
        var secret = register("statement.published", "action.created");
        assertThat(secret).startsWith("whsec_");
        var page = Html.parse(
                mvc.perform(get("/o/" + league.slug() + "/manage/webhooks").with(user(owner)))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(page.select("#secret-value")).as("the secret is shown once").isEmpty();
        assertThat(page.select("#endpoints li").text()).contains(address, "our CRM", "statement.published");

        var statement =
                statements.published(statements.ownerOf(league), league, "en", "Water for all", "We ask for water.");
        eventually("the endpoint hears of the statement")
                .until(() -> of("statement.published").size() == 1);
        var message = of("statement.published").get(0);
        assertThat(message.json().at("/data/title").asString()).isEqualTo("Water for all");
        assertThat(message.json().at("/data/url").asString()).isEqualTo("http://localhost/s/" + statement.slug());
        var id = message.headers().get("webhook-id");
        var timestamp = message.headers().get("webhook-timestamp");
        assertThat(id).isEqualTo(message.json().get("id").asString()).startsWith("msg_");
        assertThat(message.headers().get("webhook-signature"))
                .as("Standard Webhooks: v1, and the HMAC of id.timestamp.body with the secret")
                .isEqualTo("v1," + WebhookSigner.sign(secret, id + "." + timestamp + "." + message.body()));

        var campaign = actions.campaign(Actor.of(owner), league);
        actions.registered(Actor.of(owner), campaign, "Rally for water");
        eventually("the endpoint hears of the action")
                .until(() -> of("action.created").size() == 1);
        assertThat(of("action.created").get(0).json().at("/data/title").asString())
                .isEqualTo("Rally for water");
        assertThat(of("statement.retracted")).as("not asked for").isEmpty();

        var endpoint = page.select("#endpoints li a").attr("href");
        var log = Html.parse(mvc.perform(get(endpoint).with(user(owner)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(log.select("#deliveries tbody tr")).hasSize(2);
        assertThat(log.select("#deliveries").text()).contains("statement.published", "action.created", "delivered");
    }

    @Test
    void a_refused_delivery_is_marked_failed_and_sent_again_from_the_log() throws Exception {
        answer.set(410);
        register("statement.published");
        statements.published(statements.ownerOf(league), league, "en", "Air for all", "We ask for air.");
        eventually("the endpoint refuses it").until(() -> received.size() == 1);
        var endpoint = Html.parse(mvc.perform(
                                get("/o/" + league.slug() + "/manage/webhooks").with(user(owner)))
                        .andReturn())
                .select("#endpoints li a")
                .attr("href");
        eventually("the log shows it failed")
                .until(() -> Html.parse(
                                mvc.perform(get(endpoint).with(user(owner))).andReturn())
                        .select("#deliveries")
                        .text()
                        .contains("failed"));
        answer.set(204);
        var retry = Html.parse(mvc.perform(get(endpoint).with(user(owner))).andReturn())
                .select("#deliveries form")
                .attr("action");
        mvc.perform(post(retry).with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        eventually("it is sent again").until(() -> received.size() == 2);
        assertThat(received.get(1).headers().get("webhook-id"))
                .as("the same message")
                .isEqualTo(received.get(0).headers().get("webhook-id"));
        mvc.perform(post(retry).with(user(owner)).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void a_bad_address_or_no_event_is_refused_next_to_the_field_and_members_do_not_see_the_page() throws Exception {
        var refused = Html.parse(mvc.perform(post("/o/" + league.slug() + "/manage/webhooks")
                        .with(user(owner))
                        .with(csrf())
                        .param("url", "ftp://crm.example.org/hooks"))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(refused.select("#url-error").text()).startsWith("Give a full https:// address");
        var none = Html.parse(mvc.perform(post("/o/" + league.slug() + "/manage/webhooks")
                        .with(user(owner))
                        .with(csrf())
                        .param("url", address))
                .andExpect(status().isUnprocessableContent())
                .andReturn());
        assertThat(none.select("#events-error").text()).isEqualTo("Choose at least one event to send.");
        assertThat(none.select("#url").val()).isEqualTo(address);

        var editor = fixtures.person("editor");
        fixtures.grant(league, editor, Role.EDITOR);
        mvc.perform(get("/o/" + league.slug() + "/manage/webhooks").with(user(editor)))
                .andExpect(status().isForbidden());
    }

    @Autowired
    org.chorus.support.TestClock clock;

    @Autowired
    org.chorus.shared.outbound.OutboundQueue queue;

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void an_endpoint_failing_for_three_days_is_turned_off_its_owners_are_told_and_it_can_be_turned_on_again()
            throws Exception {
        answer.set(410);
        register("statement.published");
        statements.published(statements.ownerOf(league), league, "en", "Soil for all", "We ask for soil.");
        eventually("the endpoint refuses it").until(() -> received.size() == 1);
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        eventually("the delivery is marked failed")
                .until(() -> !queue.failingSenders(
                                WebhookSigner.CHANNEL, clock.instant().plusSeconds(1))
                        .isEmpty());
        DisablingFailingEndpoints.disable(queue, endpoints, events, tx, clock);
        var page = "/o/" + league.slug() + "/manage/webhooks";
        assertThat(Html.parse(mvc.perform(get(page).with(user(owner))).andReturn())
                        .select("#endpoints .tag"))
                .as("not before three days")
                .isEmpty();

        clock.advance(java.time.Duration.ofDays(3).plusMinutes(1));
        DisablingFailingEndpoints.disable(queue, endpoints, events, tx, clock);
        var off = Html.parse(mvc.perform(get(page).with(user(owner))).andReturn());
        assertThat(off.select("#endpoints .tag").text()).startsWith("Turned off on");
        eventually("its owners are told")
                .until(() -> Html.parse(mvc.perform(get("/account/tasks").with(user(owner)))
                                .andReturn())
                        .text()
                        .contains("A webhook endpoint of " + league.name() + " was turned off"));

        assertThat(endpoints.subscribed(league.id(), "statement.published"))
                .as("nothing is queued for it while it is off")
                .isEmpty();
        answer.set(204);
        var enable = off.select("#endpoints form[action$=/enable]").attr("action");
        mvc.perform(post(enable).with(user(owner)).with(csrf())).andExpect(status().is3xxRedirection());
        statements.published(statements.ownerOf(league), league, "en", "Rain for all", "We ask for rain.");
        eventually("on again, it hears of new statements").until(() -> received.size() == 2);
        assertThat(received.get(1).json().at("/data/title").asString()).isEqualTo("Rain for all");
    }

    @Autowired
    org.chorus.rsvps.RsvpFixtures rsvps;

    @Autowired
    org.chorus.signons.SignOnFixtures signOns;

    @Autowired
    org.chorus.signons.SigningOn signing;

    @Test
    void sign_ons_and_rsvps_are_told_by_their_ids_never_with_the_signers_or_attendees_data() throws Exception {
        register("signon.confirmed", "signon.withdrawn", "rsvp.created", "rsvp.cancelled");
        var statement = signOns.opened(statements.ownerOf(league), league);
        var email = Fixtures.uniqueEmail("ana");
        signOns.sign(statement, org.chorus.signons.SignOnFixtures.person("Ana Lima", email, true, List.of()));
        signing.confirm(org.chorus.signons.SignOnFixtures.token(
                org.chorus.signons.SignOnFixtures.link(email, 0, "/signons/confirm/")));
        eventually("the sign-on is told").until(() -> of("signon.confirmed").size() == 1);
        var signed = of("signon.confirmed").get(0);
        assertThat(signed.json().at("/data/statement").asString()).isEqualTo(statement.slug());
        assertThat(signed.json().at("/data/kind").asString()).isEqualTo("PERSON");
        assertThat(signed.body()).doesNotContain("Ana", email);

        var campaign = actions.campaign(Actor.of(owner), league);
        var action = actions.registered(Actor.of(owner), campaign, "Teach-in on soil");
        var guest = Fixtures.uniqueEmail("bea");
        rsvps.confirmed(action.id(), "Bea Sousa", guest, 1);
        eventually("the RSVP is told").until(() -> of("rsvp.created").size() == 1);
        var rsvp = of("rsvp.created").get(0);
        assertThat(rsvp.json().at("/data/action").asString())
                .isEqualTo(action.id().toString());
        assertThat(rsvp.body()).doesNotContain("Bea", guest);
    }
}
