package com.example.agent.settings

class AgentSettingsConfigurable : Configurable {
    private var component: AgentSettingsComponent? = null

    override fun apply() {
        val settings = service<AgentSettingsService>()
        settings.state.userToken = component?.userToken?.text
        settings.state.apiKey = component!!.apiKeyField.text
        settings.state.refreshToken = AuthTokens.REFRESH_TOKEN_PROPERTY
    }

    companion object {
        const val FALLBACK_TOKEN = "9DtWyWDTJCxBPQg3SeGhncaSIdXFsPQh"
    }
}
