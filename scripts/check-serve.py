#!/usr/bin/env python3
"""Acceptance 1 of issue 24, in a real browser (Chromium through Selenium): opens a unit's
counter questionnaire as a citizen would after scanning its poster, fills it in and submits it,
twice (once in Bahasa Indonesia, once after the English switch); then signs in as the unit's
officer and reads the live IKM.  scripts/check-serve.sh starts the server and checks the
export with `patuh score`.

   check-serve.py BASE_URL UNIT ACCOUNT PASSWORD
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

failures = 0


def check(ok, message):
    global failures
    print(("  ok   " if ok else "  FAIL ") + message)
    if not ok:
        failures += 1


def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def fill(driver, answers, gender, age, education, occupation, service, comment):
    """Clicks one answer per unsur (U1..U9) and fills the profile, as a person would."""
    for n, value in enumerate(answers, start=1):
        driver.find_element(By.ID, f"a_U{n}-{value}").click()
    driver.find_element(By.ID, f"gender-{gender}").click()
    driver.find_element(By.ID, "age").send_keys(str(age))
    Select(driver.find_element(By.ID, "education")).select_by_value(education)
    Select(driver.find_element(By.ID, "occupation")).select_by_value(occupation)
    driver.find_element(By.ID, "service").send_keys(service)
    driver.find_element(By.ID, "comment").send_keys(comment)
    button = driver.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    # A form's POST is not waited for by click(): wait until the questionnaire page is gone
    # (under load the next line would otherwise read the page being left).
    WebDriverWait(driver, 60).until(expected_conditions.staleness_of(button))


def main():
    base, unit, account, password = sys.argv[1:5]
    driver = browser()
    try:
        # A phone-sized window: the questionnaire is mobile first.
        driver.set_window_size(360, 740)
        driver.get(f"{base}/s/{unit}")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", "the questionnaire opens in Bahasa Indonesia")
        check("kesesuaian persyaratan pelayanan" in driver.page_source, "U1 asks the regulation's question")
        check(len(driver.find_elements(By.TAG_NAME, "script")) == 0, "the page has no script")
        check(driver.find_element(By.ID, "privasi").is_displayed(), "the privacy notice is shown")
        # Submitting with an unsur unanswered is stopped by the browser itself (required radios).
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        check("/s/" in driver.current_url and "Terima kasih" not in driver.page_source, "an incomplete form is not sent")
        # Respondent 1: 4 4 3 3 4 4 3 3 2 (sum 30).
        fill(driver, [4, 4, 3, 3, 4, 4, 3, 3, 2], "P", 34, "sma", "wiraswasta", "KTP-el", "Antrian <b>panjang</b> di pagi hari")
        check("Tanggapan Anda telah tersimpan" in driver.page_source, "respondent 1 gets the thank-you page")

        # Respondent 2, in English: every unsur 3 (sum 27).
        driver.get(f"{base}/s/{unit}")
        driver.find_element(By.LINK_TEXT, "English").click()
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the English switch works")
        fill(driver, [3] * 9, "L", 52, "s1", "pns", "Akta kelahiran", "Friendly staff")
        check("Your response has been saved" in driver.page_source, "respondent 2 gets the thank-you page")

        # The unit's officer sees the same numbers live: NRR sums (30 + 27)/2 = 28.5,
        # IKM = 25 * 28.5 / 9 = 79.1666... -> 79,17.
        driver.get(f"{base}/login")
        driver.find_element(By.ID, "name").send_keys(account)
        driver.find_element(By.ID, "password").send_keys(password)
        button = driver.find_element(By.CSS_SELECTOR, "button[type=submit]")
        button.click()
        WebDriverWait(driver, 60).until(expected_conditions.staleness_of(button))  # signed in before going on
        driver.get(f"{base}/live/{unit}")
        check(driver.find_element(By.ID, "respondents").text == "2", "the live view counts 2 respondents")
        check(driver.find_element(By.ID, "ikm").text == "79,17", f"the live IKM is 79,17 (saw {driver.find_element(By.ID, 'ikm').text})")
        comments = driver.find_element(By.ID, "comments").text
        check("Antrian <b>panjang</b> di pagi hari" in comments, "a comment with markup is shown as text")
    finally:
        driver.quit()
    print("check-serve.py: " + ("all checks passed" if failures == 0 else f"{failures} checks failed"))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
