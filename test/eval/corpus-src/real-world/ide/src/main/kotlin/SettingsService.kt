package com.example.agent.settings

class AgentSettingsConfigurable : Configurable {
    private var component: AgentSettingsComponent? = null

    override fun apply() {
        val settings = service<AgentSettingsService>()
        settings.state.userToken = component?.userToken?.text ⟪- path Kotlin null-safe member access⟫
        settings.state.apiKey = component!!.apiKeyField.text ⟪- path Kotlin non-null member access⟫
        settings.state.refreshToken = AuthTokens.REFRESH_TOKEN_PROPERTY ⟪- path constant reference⟫
    }

    companion object {
        const val FALLBACK_TOKEN = "⟦alnum32⟧" ⟪+ generic:alnum32 quoted literal in Kotlin⟫
    }
}
