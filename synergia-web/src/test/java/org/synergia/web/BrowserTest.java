package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.web.server.PortalServer;

/**
 * The portal in a real browser: Debian's Chromium driven by its chromedriver (never downloaded at
 * run time). Skipped, with a message, only where {@code /usr/bin/chromium} is absent. Screenshots
 * go to {@code target/screenshots/}.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static PortalServer server;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "browser tests skipped: /usr/bin/chromium is absent (apt-get install -y chromium chromium-driver)");
        server = PortalServer.start(PortalFixture.workspace(), CaseCatalogue.all(), "test", "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                "--user-data-dir=" + Files.createTempDirectory("synergia-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void homeListsEightCasesAndFiltersWithoutScript() throws IOException {
        browser.get(base + "/");
        assertEquals(8, browser.findElements(By.cssSelector("li.case-card")).size());
        screenshot("home");
        browser.findElement(By.linkText("Africa")).click();
        int african = browser.findElements(By.cssSelector("li.case-card")).size();
        assertTrue(african > 0 && african < 8, "Africa filter shows " + african);
    }

    @Test
    void casePageShowsItsCharts() throws IOException {
        browser.get(base + "/");
        browser.findElement(By.cssSelector("li[data-case='mali-cash-plus'] h3 a")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/cases/mali-cash-plus"));
        assertTrue(browser.findElements(By.cssSelector("figure svg")).size() >= 2);
        assertTrue(browser.findElement(By.cssSelector("p.banner")).isDisplayed(), "simulated-data banner");
        assertTrue(browser.findElement(By.cssSelector("figure svg")).getSize().getWidth() > 100, "the chart is drawn");
        screenshot("case-mali");
    }

    @Test
    void languageSwitchKeepsThePage() {
        browser.get(base + "/cases/mali-cash-plus");
        browser.findElement(By.cssSelector("nav.langs a[lang='es']")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/es/cases/mali-cash-plus"));
        assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.cssSelector("nav.langs a[lang='fr']")).click();
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector("a.skip")).getAttribute("textContent").contains("contenu"));
    }
}
