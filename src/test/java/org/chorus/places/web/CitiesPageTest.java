package org.chorus.places.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Html;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class CitiesPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void without_javascript_a_person_types_a_city_submits_and_picks_one_of_the_suggestions() throws Exception {
        var results = Html.parse(mvc.perform(get("/places/cities").param("q", "Bogota"))
                .andExpect(status().isOk())
                .andReturn());
        var bogota = results.selectFirst("input[type=radio][name=city]");
        assertThat(bogota).isNotNull();
        assertThat(bogota.parent().text()).contains("Bogotá, Colombia").contains("America/Bogota");
        assertThat(results.select("form[action=/places/cities] input[type=hidden][name=q]")
                        .attr("value"))
                .isEqualTo("Bogota");

        var chosen = Html.parse(mvc.perform(get("/places/cities")
                        .param("q", "Bogota")
                        .param("country", "")
                        .param("city", bogota.attr("value")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(chosen.select(".chosen-city h2").text()).isEqualTo("Bogotá, Colombia");
        assertThat(chosen.select(".chosen-city dd").eachText()).contains("America/Bogota");
    }

    @Test
    void htmx_gets_the_list_alone_and_the_country_narrows_it() throws Exception {
        var fragment = mvc.perform(get("/places/cities")
                        .param("q", "Perth")
                        .param("country", "CA")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fragment).doesNotContain("<html").startsWith("<div id=\"city-choices\"");
        assertThat(Html.parse(fragment).select("label.choice").eachText())
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text).contains("Canada"));
    }

    @Test
    void a_query_matching_nothing_says_so() throws Exception {
        var page = Html.parse(mvc.perform(get("/places/cities").param("q", "Qqqzzx"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("#city-choices .hint").text()).contains("“Qqqzzx”");
        assertThat(page.select("input[name=city]")).isEmpty();
    }

    @Test
    void the_map_search_box_gets_json_with_the_country_in_the_readers_language() throws Exception {
        mvc.perform(get("/places/cities")
                        .param("q", "bogota")
                        .accept(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].id").value(3688689))
                .andExpect(jsonPath("$[0].name").value("Bogotá"))
                .andExpect(jsonPath("$[0].country").value("CO"))
                .andExpect(jsonPath("$[0].countryName").value("Colombie"))
                .andExpect(jsonPath("$[0].timeZone").value("America/Bogota"))
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(10)));
    }

    @Test
    void a_country_that_is_no_country_is_a_bad_request_in_the_readers_language() throws Exception {
        mvc.perform(get("/places/cities")
                        .param("q", "Paris")
                        .param("country", "XX")
                        .accept(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "es"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Esto no es un código de país."))
                .andExpect(jsonPath("$.code").value("places.country-unknown"));
        var page = Html.parse(mvc.perform(get("/places/cities")
                        .param("q", "Paris")
                        .param("country", "XX")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(page.text()).contains("Ce n’est pas un code de pays.");
    }

    @Test
    void near_me_is_the_nearest_city_and_a_position_off_the_globe_is_a_bad_request() throws Exception {
        mvc.perform(get("/places/cities/nearest")
                        .param("lat", "48.857")
                        .param("lon", "2.351")
                        .header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Paris"))
                .andExpect(jsonPath("$.countryName").value("فرنسا"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Paris"));
        mvc.perform(get("/places/cities/nearest")
                        .param("lat", "91")
                        .param("lon", "2")
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Une latitude est comprise entre -90 et 90 degrés."));
        mvc.perform(get("/places/cities/nearest").param("lat", "north").param("lon", "2"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_city_id_the_gazetteer_lacks_is_not_found() throws Exception {
        mvc.perform(get("/places/cities").param("city", "1")).andExpect(status().isNotFound());
    }

    @Test
    void the_credits_name_geonames_and_natural_earth_and_every_page_links_to_them() throws Exception {
        var credits = Html.parse(
                mvc.perform(get("/credits")).andExpect(status().isOk()).andReturn());

        assertThat(credits.select("dl.credits dt").eachText())
                .contains("GeoNames", "Natural Earth", "tz database")
                .anySatisfy(name -> assertThat(name).contains("Leaflet"));
        assertThat(credits.select("dl.credits").text()).contains("CC BY 4.0");
        assertThat(credits.select("footer a[href=/credits]")).hasSize(1);
    }
}
