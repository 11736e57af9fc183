import 'element-plus/dist/index.css'
import './styles/app.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.mount('#app')
window.api?.onNavigate((path) => void router.push(path))
