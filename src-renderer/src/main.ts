import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { startRenderer } from './app-runtime'
import './styles/theme.css'

const pinia = createPinia()
createApp(App).use(pinia).mount('#app')
startRenderer(pinia)
