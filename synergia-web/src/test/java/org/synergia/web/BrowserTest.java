package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.data.io.DatasetWriters;
import org.synergia.web.analyst.Role;
import org.synergia.web.server.PortalServer;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser: Debian's Chromium driven by its chromedriver (never downloaded at
 * run time). Skipped, with a notice on the console, only where {@code /usr/bin/chromium} or its driver is absent. Screenshots
 * go to {@code target/screenshots/}.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SKIPPED = "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is absent"
            + " (apt-get install -y chromium chromium-driver)";

    private static PortalServer server;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            // surefire counts a class skipped in @BeforeAll as no test at all: say so on the console
            System.err.println("NOTICE: " + SKIPPED);
        }
        Assumptions.assumeTrue(present, SKIPPED);
        server = PortalServer.start(PortalFixture.workspace(), CaseCatalogue.all(), "test", "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        server.analyst().accounts().put("bana", Role.ANALYST, "browser-analyst-1");
        server.analyst().accounts().put("bvic", Role.VIEWER, "browser-viewer-12");
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
        clickToLoad(By.linkText("Africa"));
        int african = browser.findElements(By.cssSelector("li.case-card")).size();
        assertTrue(african > 0 && african < 8, "Africa filter shows " + african);
    }

    @Test
    void casePageShowsItsCharts() throws IOException {
        browser.get(base + "/");
        clickToLoad(By.cssSelector("li[data-case='mali-cash-plus'] h3 a"));
        assertTrue(browser.getCurrentUrl().endsWith("/cases/mali-cash-plus"));
        assertTrue(browser.findElements(By.cssSelector("figure svg")).size() >= 2);
        assertTrue(browser.findElement(By.cssSelector("p.banner")).isDisplayed(), "simulated-data banner");
        assertTrue(browser.findElement(By.cssSelector("figure svg")).getSize().getWidth() > 100, "the chart is drawn");
        screenshot("case-mali");
    }

    @Test
    void languageSwitchKeepsThePage() {
        browser.get(base + "/cases/mali-cash-plus");
        clickToLoad(By.cssSelector("nav.langs a[lang='es']"));
        assertTrue(browser.getCurrentUrl().endsWith("/es/cases/mali-cash-plus"));
        assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
        clickToLoad(By.cssSelector("nav.langs a[lang='fr']"));
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.cssSelector("a.skip")).getAttribute("textContent").contains("contenu"));
    }

    /**
     * Clicks a link or a submit button and waits until the page it loads has replaced the current one: reading the
     * page before that finds the old document, or none (the race behind flaky runs of these tests).
     */
    private static void clickToLoad(By target) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.stalenessOf(old));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/analyst/login");
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        clickToLoad(By.cssSelector("main form button[type='submit']"));
    }

    @Test
    void analystUploadsRunsAJobAndSeesTheResult() throws Exception {
        logIn("bana", "browser-analyst-1");
        assertTrue(browser.getCurrentUrl().endsWith("/analyst"), browser.getCurrentUrl());
        Path csv = Files.createTempFile("mali-browser", ".csv");
        DatasetWriters.write(SurveySimulator.simulate(CaseSpecReader.bundled("mali-cash-plus")).data(), csv);
        new Select(browser.findElement(By.id("case"))).selectByValue("mali-cash-plus");
        browser.findElement(By.id("survey")).sendKeys(csv.toAbsolutePath().toString());
        clickToLoad(By.xpath("//button[text()='Upload and check']"));
        assertTrue(browser.getPageSource().contains("Map your variables"), "mapping form after upload");
        clickToLoad(By.xpath("//button[text()='Run the analysis']"));
        assertEquals("done", finishedJobStatus(), "the job's status once it stops running");
        assertTrue(browser.findElements(By.cssSelector("td[data-field='estimate']")).size() > 0, "results in the browser");
        screenshot("analyst-job");
    }

    /**
     * Reloads the job page until its status reads done or failed. The wait tolerates the moments when the page is between two
     * documents (just after the run button's redirect, or during a reload), where the status element is briefly absent.
     */
    private static String finishedJobStatus() {
        return new WebDriverWait(browser, Duration.ofMinutes(2), Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the job did not finish; the page read: " + browser.getPageSource())
                .until(d -> {
                    List<WebElement> status = d.findElements(By.cssSelector("strong.status"));
                    if (!status.isEmpty() && status.get(0).getText().matches("done|failed")) {
                        return status.get(0).getText();
                    }
                    d.navigate().refresh();
                    return null;
                });
    }

    @Test
    void analystLoginFollowsTheLanguageSwitch() {
        browser.manage().deleteAllCookies();
        browser.get(base + "/analyst/login");
        clickToLoad(By.cssSelector("nav.langs a[lang='es']"));
        assertTrue(browser.getCurrentUrl().endsWith("/es/analyst/login"), browser.getCurrentUrl());
        assertEquals("Acceso de analistas", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.id("user")).sendKeys("bana");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        clickToLoad(By.cssSelector("main form button[type='submit']"));
        assertEquals("Cuenta o contraseña incorrecta.", browser.findElement(By.cssSelector("main [role='alert']")).getText());
        clickToLoad(By.cssSelector("nav.langs a[lang='fr']"));
        assertEquals("Connexion des analystes", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Mot de passe", browser.findElement(By.cssSelector("label[for='password']")).getText());
    }

    @Test
    void viewerCannotReachTheAnalystPages() {
        logIn("bvic", "browser-viewer-12");
        browser.get(base + "/analyst");
        assertEquals("Not allowed", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.id("survey")).isEmpty());
    }
}
